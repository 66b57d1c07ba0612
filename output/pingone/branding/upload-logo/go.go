package main

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"os"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/images"
	method := "POST"

	payload := &bytes.Buffer{}
	writer := multipart.NewWriter(payload)
	if err := writer.WriteField("description", "Company logo (dark)"); err != nil {
		fmt.Println(err)
		return
	}
	header2 := make(textproto.MIMEHeader)
	header2.Set("Content-Disposition", "form-data; name=\"file\"; filename=\"logo.png\"")
	header2.Set("Content-Type", "image/png")
	part2, err := writer.CreatePart(header2)
	if err != nil {
		fmt.Println(err)
		return
	}
	file2, err := os.Open("images/logo.png")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer file2.Close()
	if _, err := io.Copy(part2, file2); err != nil {
		fmt.Println(err)
		return
	}
	if err := writer.Close(); err != nil {
		fmt.Println(err)
		return
	}

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Set("Content-Type", writer.FormDataContentType())

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
